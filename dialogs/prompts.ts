/** The two prompts every dialog uses: a choice (numbers on SMS, words in any language) and free text. */
import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import type { ReplyOption } from './reply.ts';
import { chosenOption } from './words.ts';

export const CHOICE = 'choice';
export const FREE_TEXT = 'freeText';

/** The options a choice prompt accepts travel in `validations`. */
export interface ChoiceValidations {
  options: ReplyOption[];
  /** After this many unclear answers, accept the answer as it is (`unclear`) rather than ask again forever. */
  maxAttempts: number;
}

async function validateChoice(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const v = prompt.options.validations as ChoiceValidations;
  const text = prompt.recognized.value ?? '';
  if (chosenOption(text, v.options)) return true;
  return prompt.attemptCount >= v.maxAttempts;
}

async function validateFreeText(prompt: PromptValidatorContext<string>): Promise<boolean> {
  return Boolean(prompt.recognized.value?.trim());
}

export function choicePrompt(): TextPrompt {
  return new TextPrompt(CHOICE, validateChoice);
}

export function freeTextPrompt(): TextPrompt {
  return new TextPrompt(FREE_TEXT, validateFreeText);
}

/** The value chosen in a choice prompt's result, or `unclear`. */
export function choiceResult(text: unknown, options: ReplyOption[]): string {
  return chosenOption(String(text ?? ''), options) ?? 'unclear';
}
