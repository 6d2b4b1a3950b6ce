try {
  require('native-addon');
} catch (error) {
  console.log(error.code);
  console.log(error.message);
}
