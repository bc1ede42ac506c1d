// Each item counts as many times as its quantity.
total(): number {
  return this.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}

// @rename itemCount
count(): number {
  return this.items.reduce((sum, item) => sum + item.quantity, 0);
}
