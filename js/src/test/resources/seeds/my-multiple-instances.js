let socketTask1 = null;
let socketTask2 = null;
Page({
  //创WebSocket 连接
  connectSocket1() {
    socketTask1 = my.connectSocket({
      url: SERVER_URL,
      multiple: true,
      success: (res) => {
        socketTask1.onOpen((openRes) => {
          console.log('socketTask1: 监听到连接开启')
        })
      }
    });
  },
  connectSocket2() {
    socketTask2 = my.connectSocket({
      url: SERVER_URL,
      multiple: true,
      success: (res) => {
        socketTask2.onOpen((openRes) => {
          console.log('socketTask2: 监听到连接开启')
        })
      }
    });
  },
  //发送数据，必须先创建连接，才可以正常发送数据成功
  sendSocketMessage1() {
    socketTask1.send({
      data: 'socketTask1 发送的消息',
    });
  },
  //发送数据，必须先创建连接，才可以正常发送数据成功
  sendSocketMessage2() {
    socketTask2.send({
      data: "socketTask2 发送的消息"
    });
  },
  //监听WebSocket接受到服务器的消息事件
  onSocketMessage() {
    socketTask1.onMessage((res) => {
      console.log(`socketTask1: 监听到收到服务器内容：` + JSON.stringify(res.data));
    });
    socketTask2.onMessage((res) => {
      console.log(`socketTask2: 监听到收到服务器内容：` + JSON.stringify(res.data));
    });
    console.log('开启监听')
  },

  //关闭WebSocket连接
  closeSocket() {
    socketTask1.close({
      code: 1000,
      reason: "socketTask1 正常关闭",
      success: (res) => {
        console.log('关闭连接')
      },
    });
    socketTask2.close({
      code: 1000,
      reason: "socketTAsk2 正常关闭",
      success: (res) => {
        console.log('关闭连接')
      },
    });
  },
  //监听WebSocket关闭
  onSocketClose() {
    socketTask1.onClose((res) => {
      console.log(`监听到 socketTask1 已关闭！` + JSON.stringify({ res }));
    });
  },
  //监听WebSocket关闭
  onSocketClose() {
    socketTask2.onClose((res) => {
      console.log(`监听到 socketTask2 已关闭！` + JSON.stringify({ res }));
    });
  },
})
