import crypto from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A software WebAuthn authenticator for tests: a P-256 key pair from node:crypto, and the
 * bytes a real authenticator would send, built by hand (attestation "none"; assertions signed
 * over authenticatorData ‖ SHA-256(clientDataJSON)). Each method lets a test bend one fact
 * (origin, counter, flags, signature) to prove the server refuses it.
 */
const b64u = (b: Uint8Array | Buffer) => Buffer.from(b).toString("base64url");
const sha256 = (b: Uint8Array | string) => crypto.createHash("sha256").update(b).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export type SoftAuthenticatorOptions = { origin: string; rpId: string };

export class SoftAuthenticator {
  readonly credentialId = crypto.randomBytes(32);
  private readonly keys = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  counter = 0;
  userHandle: string | undefined;

  constructor(readonly opts: SoftAuthenticatorOptions) {}

  get id(): string {
    return b64u(this.credentialId);
  }

  private cosePublicKey(): Uint8Array {
    const jwk = this.keys.publicKey.export({ format: "jwk" });
    const cose = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]);
    return isoCBOR.encode(cose);
  }

  private authData(flags: number, counter: number, attested?: Uint8Array, rpId = this.opts.rpId): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter >>> 0);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  private clientData(type: string, challenge: string, origin = this.opts.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The answer to navigator.credentials.create() for `options` (as the server made them). */
  register(options: { challenge: string; user?: { id: string } }, bend: { origin?: string; rpId?: string; uv?: boolean } = {}) {
    this.userHandle = options.user?.id;
    const idLen = Buffer.alloc(2);
    idLen.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLen, this.credentialId, this.cosePublicKey()]);
    const flags = FLAG_UP | FLAG_AT | (bend.uv === false ? 0 : FLAG_UV);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", this.authData(flags, this.counter, attested, bend.rpId)]]) as never);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64u(this.clientData("webauthn.create", options.challenge, bend.origin)),
        attestationObject: b64u(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** The answer to navigator.credentials.get(); the counter moves on by one unless `counter` is given. */
  assert(options: { challenge: string }, bend: { origin?: string; rpId?: string; counter?: number; uv?: boolean; forgeSignature?: boolean; userHandle?: string } = {}) {
    const counter = bend.counter ?? ++this.counter;
    const authenticatorData = this.authData(FLAG_UP | (bend.uv === false ? 0 : FLAG_UV), counter, undefined, bend.rpId);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, bend.origin);
    const signer = bend.forgeSignature ? crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey : this.keys.privateKey;
    const signature = crypto.sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), signer);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authenticatorData),
        signature: b64u(signature),
        ...(bend.userHandle ?? this.userHandle ? { userHandle: bend.userHandle ?? this.userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
