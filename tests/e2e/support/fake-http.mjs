// What the fake providers (fake-bluesky.mjs, fake-github.mjs) share: answering JSON and reading
// a control request's JSON body.

/** Answers `body` as JSON (a string is sent as it is: a fake may answer malformed JSON on purpose). */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** The request's body parsed as JSON ({} when empty); rejects on malformed JSON. */
export function readJson(req) {
  return new Promise((resolve, reject) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch (e) {
        reject(e);
      }
    });
  });
}
