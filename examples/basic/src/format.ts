export const currency = 'EUR';

export function formatPrice(amount: number): string {
  return amount.toFixed(2) + ' ' + currency;
}
