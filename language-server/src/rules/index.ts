/**
 * Every rule, in one explicit list (no filesystem discovery). Order is the report order for
 * findings at the same position. Adding a rule: see CONTRIBUTING.md.
 */
import type { Rule } from '../core/rule';
import { volumeRules } from './volume/index';
import { dvdiRules } from './dvdi/index';
import { chronosRules } from './chronos/index';
import { appRules } from './app/index';
import { groupRules } from './group/index';
import { podRules } from './pod/index';
import { dockerRules } from './docker/index';

export const rules: readonly Rule[] = [...volumeRules, ...dvdiRules, ...chronosRules, ...appRules, ...groupRules, ...podRules, ...dockerRules];
