// A virtual user's socket code, written as a mini-program keeps it: each exported function is one JMeter sample
// (JsScenarioSampler), awaited when it returns a Promise. One copy of this file runs per JMeter thread, so the
// module's variables are the virtual user's state. SERVER_URL is a global the plan gives (the sampler's `globals`).
let task = null;
let awaitingEcho = null;

exports.connect = () => new Promise((resolve, reject) => {
  task = wx.connectSocket({
    url: SERVER_URL,
    fail: (res) => reject(new Error(res.errMsg)),
  });
  task.onOpen(() => resolve({readyState: task.readyState}));
  task.onError((res) => reject(new Error(res.errMsg)));
  task.onMessage((res) => {
    if (awaitingEcho !== null) {
      const resolve = awaitingEcho;
      awaitingEcho = null;
      resolve(res.data);
    }
  });
});

exports.echo = (text) => {
  if (task === null || task.readyState !== task.OPEN) {
    throw new Error('echo: no open socket; call connect first');
  }
  return new Promise((resolve, reject) => {
    awaitingEcho = resolve;
    task.send({data: text, fail: (res) => reject(new Error(res.errMsg))});
  });
};

exports.close = () => new Promise((resolve) => {
  task.onClose((res) => resolve({code: res.code, reason: res.reason}));
  task.close({code: 1000, reason: 'bye'});
  task = null;
});
