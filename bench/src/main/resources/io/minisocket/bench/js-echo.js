// The JavaScript side of `bench js-echo`: one socket, one message in flight, echo after echo, for a time.
// Resolves with the echoes per second of the measured phase (after a time-based warm-up).
exports.run = (url, warmupMs, measureMs) => new Promise((resolve, reject) => {
  const task = wx.connectSocket({url, fail: (res) => reject(new Error(res.errMsg))});
  const payload = 'x'.repeat(64);
  let measuring = false;
  let start = 0;
  let count = 0;
  task.onOpen(() => {
    start = Date.now();
    task.send({data: payload});
  });
  task.onMessage(() => {
    const now = Date.now();
    if (!measuring && now - start >= warmupMs) {
      measuring = true;
      start = now;
      count = 0;
    } else if (measuring && now - start >= measureMs) {
      task.close();
      resolve(count * 1000 / (now - start));
      return;
    }
    count++;
    task.send({data: payload});
  });
  task.onError((res) => reject(new Error(res.errMsg)));
});
