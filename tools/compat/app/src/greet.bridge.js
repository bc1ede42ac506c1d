export function greet(name) {
  return 'bridged ' + name;
}
