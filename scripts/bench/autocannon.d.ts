// The small part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type RequestSpec = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: RequestSpec, context: Record<string, unknown>) => RequestSpec;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    /** requests per second across all connections (0: as fast as the server answers) */
    overallRate?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: RequestSpec[];
  };
  type Result = { errors: number; timeouts: number; non2xx: number; duration: number; requests: { total: number; sent: number } };
  type Instance = PromiseLike<Result> & {
    on(event: "response", fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
    stop(): void;
  };
  function autocannon(opts: Options): Instance;
  export default autocannon;
}
