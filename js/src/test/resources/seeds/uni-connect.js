uni.connectSocket({
	url: SERVER_URL,
	header: {
		'content-type': 'application/json'
	},
	protocols: ['protocol1'],
	method: 'GET'
});
