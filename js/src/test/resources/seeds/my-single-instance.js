// .js
my.connectSocket({
  url: this.data.websocketServer, // 开发者服务器接口地址，必须是 wss 协议，且域名必须是后台配置的合法域名
  data: {},
  header:{
    'content-type': 'application/json'
  },
  success: (res) => {
     console.log('WebSocket 连接成功');
  },
  fail: () => {
     my.showToast({
        content: 'fail', // 文字内容
     });
  }
});
