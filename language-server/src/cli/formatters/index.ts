/** The formats `--format` accepts, in the order `--help` lists them. */
import type { Formatter } from './formatter';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';

export const formatters = { stylish, json, sarif, github } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];
