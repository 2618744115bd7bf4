// Runs scenario.js once, as one virtual user, outside JMeter:
//   ./minisocket run jmeter/examples/scenario-run.js --platform wx --embedded
const scenario = require('./scenario');

(async () => {
  console.log('connect:', JSON.stringify(await scenario.connect()));
  console.log('echo:', await scenario.echo('hello'));
  console.log('close:', JSON.stringify(await scenario.close()));
})(); // a rejection is reported as uncaught: exit status 1
