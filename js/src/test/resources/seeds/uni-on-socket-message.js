uni.connectSocket({
  url: SERVER_URL
});

uni.onSocketMessage(function (res) {
  console.log('收到服务器内容：' + res.data);
});
