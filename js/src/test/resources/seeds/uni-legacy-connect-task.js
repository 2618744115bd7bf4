var socketTask = uni.connectSocket({
	url: SERVER_URL, //仅为示例,并非真实接口地址。
	complete: ()=> {}
});
