import { evaluate } from "../lib/warmup/evaluate";
import { resolvePolicy } from "../lib/warmup/policy";
import { DEFAULT_WEIGHTS } from "../lib/warmup/weights";
const DAY=86400000, NOW=Date.UTC(2026,5,1,12);
const KINDS = ["reaction", "comment", "mention", "kudos", "share", "logged_reply", "logged_met"] as const;
let s=1; const r=()=>{s=(s*1664525+1013904223)>>>0; return s/2**32;};
const mk=(n:number)=>Array.from({length:n},(_,i)=>{const out=r()<0.7; const kind=KINDS[Math.floor(r()*7)]; return {id:"i"+i,actorId:out?"req":"rec",targetId:out?"rec":"req",kind,source:"observed" as const,weight:DEFAULT_WEIGHTS[kind],occurredAt:new Date(NOW-Math.floor(r()*200*DAY)),verification:"verified" as const};});
const policy=resolvePolicy({preset:"strict"});
const mode=process.argv[2]??"random";
const hs=Array.from({length:16},()=>{const h=mk(50); if(mode==="sorted") h.sort((a,b)=>b.occurredAt.getTime()-a.occurredAt.getTime()); return h;});
const inp=hs.map(h=>({requesterId:"req",recipientId:"rec",recipientName:"Ana",policy,interactions:h,requesterCreatedAt:new Date(0),relation:{blocked:false,connected:false,pendingOutgoing:false,pendingIncoming:false,cooldownUntil:null},now:new Date(NOW)}));
let sink=0; const t0=performance.now(); let n=0;
while(performance.now()-t0<3000){for(let i=0;i<100;i++)sink+=evaluate(inp[(n+i)&15]).percent; n+=100;}
console.log(mode, Math.round(n/(performance.now()-t0)*1000), sink>0);
