// Folding must treat text and lexicon patterns alike: case, diacritics, Arabic and Persian letter forms,
// repeated letters, apostrophes, and where a clause ends.
import { describe, expect, it } from 'vitest';
import { fold, tokenize } from '../../src/routing/triage/normalize.ts';

describe('fold', () => {
  it.each([
    ['DET BRINNER I TRAPPHUSET', 'det briner i traphuset'],
    ['Källarbrand på Möllan', 'kalarbrand pa molan'],
    ['BRINNNNER', 'briner'],
    ['brinner', 'briner'],
    ['Świeży ŁÓDŹ żółć', 'swiezy lodz zolc'],
    ['Požar đak čćšž', 'pozar dak csz'],
    ['Ağır şiddet', 'agir sidet'],
    ['İSTANBUL ılık IŞIK', 'istanbul ilik isik'],
    ['Ørsted Æble Straße', 'orsted able strase'],
    ['café naïve', 'cafe naive'],
    ["isn't it, don’t", 'isnt it dont'],
    ['gas-läcka', 'gas lacka'],
    ['Ring 112 nu!!!', 'ring 112 nu'],
    ['1122 ska vara kvar', '1122 ska vara kvar'],
    ['🔥🔥 brand 🔥', 'brand'],
    ['', ''],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('fold: Arabic and Persian', () => {
  it.each([
    ['alef forms become bare alef', 'أإآٱ', 'ا'],
    ['alef maqsura becomes yeh', 'مبنى', 'مبني'],
    ['teh marbuta becomes heh', 'الشقة', 'الشقه'],
    ['waw and yeh with hamza lose it', 'مؤتمر سائق', 'موتمر سايق'],
    ['runs of a letter collapse in Arabic too', 'مؤسسة', 'موسه'],
    ['tashkeel is stripped', 'طُعِنَ', 'طعن'],
    ['superscript alef is stripped', 'هٰذا', 'هذا'],
    ['tatweel is stripped', 'حـــريق', 'حريق'],
    ['Persian yeh and kaf become Arabic', 'کمک یک', 'كمك يك'],
    ['Arabic-Indic digits', '١١٢', '112'],
    ['Persian digits', '۱۱۲', '112'],
    ['zero-width non-joiner separates like a space', 'آتش‌سوزی', 'اتش سوزي'],
    ['Arabizi digits become letters', 'fi 7ari2 wa7ed ma3o sekkine', 'fi hari wahed mao sekine'],
    ['Arabizi and plain Latin spellings meet', '5alas 9albi 6ayara', 'khalas qalbi tayara'],
    ['a word may start with an Arabizi digit', '3ala 2alb 7aram', 'ala alb haram'],
    ['numbers with endings stay numbers', '12:an 3rd 2a 10de 4th b112', '12 an 3rd 2a 10de 4th b112'],
    ["English 's after a noun goes", "the power's out", 'the power out'],
    ["English 's after a pronoun stays", "it's burning, there's smoke", 'its burning theres smoke'],
  ])('%s', (_name, text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});

describe('tokenize', () => {
  it('marks clause and sentence punctuation between tokens', () => {
    const { tokens, clauseBreak } = tokenize('Det brinner inte, men det luktar rök. Kom!');
    expect(tokens).toEqual(['det', 'briner', 'inte', 'men', 'det', 'luktar', 'rok', 'kom']);
    expect([...clauseBreak]).toEqual([0, 0, 0, 1, 0, 0, 0, 2, 0]);
  });

  it('reads a full stop after a number as an ordinal, not the end of a sentence', () => {
    expect([...tokenize('3. kat yangın var').clauseBreak]).toEqual([0, 0, 0, 0, 0]);
    expect([...tokenize('kom nu. brand').clauseBreak]).toEqual([0, 0, 2, 0]);
  });

  it('treats a line break as the end of a sentence', () => {
    expect([...tokenize('brand\nhej').clauseBreak]).toEqual([0, 2, 0]);
  });

  it('ignores punctuation before the first token', () => {
    expect([...tokenize('!!! brand').clauseBreak]).toEqual([0, 0]);
  });

  it('folds fast enough for a CLI that routes 10,000 lines', () => {
    const text = 'Grannarna skriker och smäller i dörrar, jag kan inte sova';
    expect(tokenize(text.repeat(50)).tokens.length).toBeGreaterThan(400);
  });
});
