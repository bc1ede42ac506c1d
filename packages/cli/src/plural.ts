/** `1 file`, `2 files`, `0 files`; `many` where adding an s is wrong (`1 miss`, `2 misses`). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
