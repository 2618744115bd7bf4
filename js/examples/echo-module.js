// A socket module as a mini-program keeps it, exporting a function that Java calls through JsScript.call.
exports.echo = (url, text) => new Promise((resolve, reject) => {
  const task = wx.connectSocket({url, fail: (res) => reject(new Error(res.errMsg))});
  task.onOpen(() => task.send({data: text}));
  task.onMessage((res) => {
    resolve(res.data);
    task.close();
  });
  task.onError((res) => reject(new Error(res.errMsg)));
});
