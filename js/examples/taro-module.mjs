// Taro: an ES module; connectSocket returns a Promise of the SocketTask.
//   ./minisocket run js/examples/taro-module.mjs --platform taro --embedded
import Taro from '@tarojs/taro';

const task = await Taro.connectSocket({url: SERVER_URL});
task.onOpen(() => task.send({data: 'xxx'}));
task.onMessage((msg) => {
  console.log('onMessage:', msg.data);
  task.close();
});
task.onClose((e) => console.log('onClose:', e.code, e.reason));
