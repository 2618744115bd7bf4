uni.connectSocket({
  url: SERVER_URL
});
uni.onSocketOpen(function (res) {
  console.log('WebSocket连接已打开！');
});
