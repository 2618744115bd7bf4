wx.connectSocket({
  url: SERVER_URL
})

wx.onSocketMessage(function(res) {
  console.log('收到服务器内容：' + res.data)
})
