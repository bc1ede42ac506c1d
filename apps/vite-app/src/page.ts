import '../../demo-source/src/style.css';
import { Cart } from '../../demo-source/src/cart';
import { report } from '../../demo-source/src/report';

// Typed as merged: describe() exists only once the bridge is in (`npm run typecheck` checks that).
const cart = new Cart();
const total = document.querySelector<HTMLElement>('#total')!;

document.querySelector('#report')!.textContent = JSON.stringify(report());
document.querySelector('#add')!.addEventListener('click', () => {
  cart.add(5);
  total.textContent = cart.describe();
});
