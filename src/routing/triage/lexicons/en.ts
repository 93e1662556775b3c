/**
 * English, as tenants write it in Malmö (often as a second language). The danger words and the everyday
 * matters live in their own files; this one holds the language markers and the cues that qualify danger.
 *
 * Apostrophes are dropped when folding, so "isn't", "isn’t" and "isnt" are all the word `isnt`; entries are
 * written without apostrophes.
 */
import type { Lexicon } from '../lexicon.ts';
import { enDanger, enDangerUncertain, enDomestic } from './en-danger.ts';
import { enEveryday } from './en-everyday.ts';

/** The English lexicon. */
export const lexicon: Lexicon = {
  lang: 'en',
  // Function words and greetings. Left out on purpose: words that are common in Polish or Swedish too
  // ("my", "to", "a", "in", "no").
  markers: [
    'the', 'is', 'are', 'and', 'there', 'this', 'that', 'it', 'its', 'an', 'of', 'on', 'we', 'you', 'please',
    'help', 'hello', 'hi', 'someone', 'somebody', 'what', 'when', 'where', 'how', 'can', 'with', 'from', 'our',
    'next', 'door', 'neighbour*', 'neighbor*', 'flat', 'apartment', 'building', 'have', 'has', 'was', 'not',
    'dont', 'need', 'thanks', 'thank', 'im', 'theres', 'outside', 'inside', 'upstairs', 'downstairs', 'stairwell',
    'they', 'he', 'she', 'his', 'her', 'very', 'just', 'would', 'could', 'should', 'about', 'because',
    // Common words one typo away from a danger word: known words are never read as typos.
    'strange', 'strangely', 'strangers', 'explore*', 'exploring', 'cooking', 'blessing', 'blending', 'betting',
    'batting', 'bearing', 'robin', 'staged', 'staging', 'hiding', 'sparing', 'casing', 'violet', 'forearm*',
    'piston*', 'strike', 'flakes', 'booming', 'bobbing', 'reaping', 'muting', 'sealing', 'stalling', 'shorting',
    'shopping', 'showing', 'stated', 'staring', 'raging', 'rating', 'rolling', 'chatting', 'hiking', 'insured',
  ],
  danger: enDanger,
  dangerUncertain: enDangerUncertain,
  ...enEveryday,
  domestic: enDomestic,
  // English negation stands before what it negates; after a noun it belongs to the next verb ("the fire
  // wont go out"), so none of these is a `negationAfter`.
  negation: [
    'not', 'no', 'never', 'nothing', 'nobody', 'no one', 'none', 'isnt', 'arent', 'wasnt', 'werent', 'dont',
    'doesnt', 'didnt', 'havent', 'hasnt', 'hadnt', 'wont', 'cant', 'cannot', 'couldnt', 'wouldnt', 'aint',
    'no longer', 'not anymore', 'neither', 'nor', 'without',
  ],
  past: [
    'yesterday', 'last week', 'last month', 'last year', 'last weekend', 'last monday', 'last tuesday',
    'last wednesday', 'last thursday', 'last friday', 'last saturday', 'last sunday', 'the day before yesterday',
    'days ago', 'weeks ago', 'months ago', 'years ago', 'a week ago', 'a month ago', 'a year ago', 'ago',
    'the other day', 'this morning', 'earlier this week', 'in the past', 'last summer', 'last winter',
    // A fire that is out is over.
    'was put out', 'been put out', 'was extinguished', 'been extinguished',
  ],
  // "last night" is deliberately absent: at 01:00 it is tonight, and the danger may be going on.
  calm: [
    'now its calm', 'now it is calm', 'its calm now', 'it is calm now', 'calm now', 'now its quiet',
    'now it is quiet', 'its quiet now', 'it is quiet now', 'quiet now', 'its over now', 'it is over now',
    'now its over', 'now it is over', 'all good now', 'everything is fine now', 'fine now', 'now everything is fine',
    'now everything is ok', 'everything is ok now', 'ok now',
  ],
  recentPast: [
    'minutes ago', 'minute ago', 'hours ago', 'an hour ago', 'hour ago', 'a while ago', 'moments ago',
    'a moment ago', 'just now', 'earlier', 'earlier today', 'earlier tonight', 'recently',
  ],
  // A cue that ends in a clause word ("if") introduces the clause after it: it reaches the danger there.
  notReal: [
    'drill', 'fire drill', 'test*', 'test alarm', 'alarm test', 'news', 'on the news', 'newspaper',
    'article', 'read about', 'movie', 'film', 'tv show', 'series', 'game', 'video game', 'joke', 'joking',
    'kidding', 'pretend', 'dream', 'dreamed', 'dreamt', 'nightmare', 'story', 'novel', 'documentary', 'podcast',
    // Questions about what to do if something happens are not the thing happening.
    'what should i do if', 'what do i do if', 'what to do if', 'what do we do if', 'what should we do if',
    'what happens if', 'who do i call if', 'who should i call if', 'in case of', 'in the event of',
  ],
  ongoing: [
    'right now', 'now', 'still', 'happening', 'is happening', 'ongoing', 'currently', 'at the moment', 'again',
    'since yesterday', 'since last', 'for real', 'keeps', 'continuing', 'in progress', 'as we speak', 'as i write',
  ],
  clauseBreaks: [
    'but', 'and', 'or', 'if', 'whether', 'because', 'when', 'while', 'that', 'although', 'though', 'so', 'i', 'you',
    'he', 'she', 'we', 'they', 'it', 'there', 'its', 'theres', 'im', 'hes', 'shes', 'theyre',
  ],
};
