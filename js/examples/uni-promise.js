// uni-app: without callbacks connectSocket returns a Promise; the global socket API drives the connection.
//   ./minisocket run js/examples/uni-promise.js --platform uni --embedded
uni.onSocketOpen(() => uni.sendSocketMessage({data: 'ping'}));
uni.onSocketMessage((res) => {
  console.log('received:', res.data);
  uni.closeSocket();
});
uni.onSocketClose((res) => console.log('closed:', res.code));
uni.connectSocket({url: SERVER_URL})
  .then((res) => console.log('connected:', res.errMsg))
  .catch((err) => console.error('failed:', err.errMsg));
