wx.connectSocket({
  url: SERVER_URL
})
wx.onSocketOpen(function(res) {
  console.log('WebSocket连接已打开！')
})
