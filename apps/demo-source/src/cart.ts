export class Cart {
  items: number[] = [];

  add(price: number): this {
    this.items.push(price);
    return this;
  }

  sum(): number {
    return this.items.reduce((a, b) => a + b, 0);
  }
}
