// WeChat: connect, send text and binary, print the echoes, close.
//   ./minisocket run js/examples/echo-wx.js --platform wx --embedded
const task = wx.connectSocket({
  url: SERVER_URL,
  success: (res) => console.log('connectSocket:', res.errMsg),
  fail: (res) => console.error('connectSocket failed:', res.errMsg),
});

let received = 0;
task.onOpen(() => {
  console.log('open, readyState', task.readyState);
  task.send({data: 'hello from wx'});
  task.send({data: new Uint8Array([1, 2, 3]).buffer});
});
task.onMessage((res) => {
  const data = res.data instanceof ArrayBuffer ? 'ArrayBuffer [' + new Uint8Array(res.data).join(',') + ']' : res.data;
  console.log('message:', data);
  if (++received === 2) {
    task.close({code: 1000, reason: 'bye'});
  }
});
task.onClose((res) => console.log('closed:', res.code, res.reason));
