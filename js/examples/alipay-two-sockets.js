// Alipay: two SocketTasks (multiple: true); the task is assigned before success runs, as in a mini-program.
//   ./minisocket run js/examples/alipay-two-sockets.js --platform my --embedded
let open = 0;
function connect(name) {
  const task = my.connectSocket({
    url: SERVER_URL,
    multiple: true,
    success: () => {
      task.onOpen(() => task.send({data: name + ' says hi'}));
      task.onMessage((res) => {
        console.log(name + ' got:', res.data);
        task.close();
      });
      task.onClose(() => console.log(name + ' closed'));
    },
  });
  return task;
}
connect('socketTask1');
connect('socketTask2');
