import { describe, expect, test } from 'vitest';
import { declaredTypes } from '../../src/languages/js/type-comments.js';

describe('the names a JSDoc type comment declares', () => {
  test('a @typedef after a type of nested braces, and a @callback', () => {
    expect(declaredTypes('* @typedef {{ a: { b: string } }} Options ')).toEqual(['Options']);
    expect(declaredTypes('*\n * @callback Done\n * @param {Error} error\n ')).toEqual(['Done']);
    expect(declaredTypes('* @typedef {import("./Compiler")} Compiler ')).toEqual(['Compiler']);
  });

  test("an @import's bindings, written on one line or over several", () => {
    expect(declaredTypes('* @import Compiler from "../Compiler" ')).toEqual(['Compiler']);
    expect(declaredTypes('* @import * as webpack from "webpack" ')).toEqual(['webpack']);
    expect(declaredTypes('*\n * @import {\n *   Chunk,\n *   Module as M\n * } from "./types"\n ')).toEqual(['Chunk', 'M']);
  });
});
