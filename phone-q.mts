import { PGlite } from "@electric-sql/pglite";
const db = await PGlite.create("/tmp/shot-phone2/pglite");
const r = await db.query(`select m.handle, count(*) filter (where read_at is null) unread, count(*) total from notification n join member m on m.id=n.member_id group by 1 order by 1`);
console.table(r.rows);
