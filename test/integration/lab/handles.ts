/** Handles other than the ones the test runner itself holds. */
function openHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap' && r !== 'FSReqCallback');
}

/** The handles still open once the event loop had up to a second to let closing sockets and timers go. */
export async function settled(): Promise<string[]> {
  const end = Date.now() + 1000;
  for (;;) {
    await new Promise((r) => setImmediate(r));
    const left = openHandles();
    if (left.length === 0 || Date.now() > end) return left;
    await new Promise((r) => setTimeout(r, 10));
  }
}
