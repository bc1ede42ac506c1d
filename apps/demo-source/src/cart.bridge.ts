import { logged } from './logged';

class Cart {
  // @access private
  items: number[] = [];

  // @rename total
  // @decorator logged
  sum(): number {
    return this.items.reduce((a, b) => a + b, 0);
  }

  describe(): string {
    return `bridged describe: ${this.items.length} items, total ${this.total()}`;
  }
}
