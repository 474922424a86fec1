// Runs in every integration test process before the test file is loaded.

// Day boundaries in the product are UTC; make local-time mistakes in tests show up the same
// way on every machine.
process.env.TZ = "UTC";
// Services that sign sessions must not write a dev secret into the developer's data dir.
process.env.AUTH_SECRET ??= "integration-tests-only-secret-0123456789abcdef";
// Read limits are off here: a test file calls hundreds of GET routes from one fake address in
// seconds. The tests about limits build their own limiter (setReadLimiterForTests).
process.env.RAPPORT_READ_LIMIT_PER_MINUTE ??= "0";
process.env.RAPPORT_READ_LIMIT_PER_IP_PER_MINUTE ??= "0";
