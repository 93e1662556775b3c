// English triage, written from domain.md: danger first (also in a hurry: capitals, no apostrophes, typos),
// near-misses that must not be emergencies, and the everyday categories.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import { type CategoryRow, type DangerRow, expectCategory, expectDanger } from './triage-helpers.ts';

describe('English acute danger', () => {
  it.each<DangerRow>([
    ['There is a fire in the stairwell', 'fire', false],
    ['FIRE IN THE BASEMENT', 'fire', false],
    ['the kitchen is on fire help', 'fire', false],
    ['Smoke everywhere in the hallway', 'fire', false],
    ['The building across the yard is burning', 'fire', false],
    ['I smell gas in the kitchen', 'gas', false],
    ['Strong smell of gas in the basement', 'gas', false],
    ['gas leak on the second floor', 'gas', false],
    ['There was an explosion outside the entrance', 'explosion', false],
    ['Someone has a gun in the courtyard', 'weapon', false],
    ['Shots fired near the playground', 'weapon', false],
    ['A man with a knife is threatening people', 'weapon', false],
    ['my neighbour was stabbed', 'weapon', false],
    ['Two men are beating up a guy outside', 'violence', false],
    ['He is threatening to kill me', 'violence', false],
    ['Someone is breaking into the flat next door', 'break_in', false],
    ['someone is in my apartment', 'break_in', false],
    ['My neighbour is unconscious', 'medical', false],
    ['He is not breathing!!', 'medical', false],
    ['she isnt breathing', 'medical', false],
    ["she isn't breathing", 'medical', false],
    ['I cant breathe', 'medical', false],
    ['A man is bleeding a lot in the stairwell', 'medical', false],
    ['we need an ambulance', 'medical', false],
    ['My dad collapsed in the bathroom', 'medical', false],
    ['I want to kill myself', 'suicide', false],
    ["I don't want to live anymore", 'suicide', false],
    ['thinking about suicide', 'suicide', false],
    ['I want to hurt myself', 'suicide', false],
    ['there is a burglary in the basement right now', 'break_in', false],
    ['If you read this: there is a fire in the basement', 'fire', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('English danger that is possible but not certain (still 112, then ask)', () => {
  it.each<DangerRow>([
    ['The fire alarm is going off in the building', 'fire', true],
    ['smoke alarm going off and I dont know why', 'fire', true],
    ['Heard a loud bang outside', 'explosion', true],
    ['There was an explosion a few minutes ago', 'explosion', true],
    ['A man is banging on my door and wont leave', 'violence', true],
    ['Someone is trying to get in through the window', 'break_in', true],
    ['There is a hissing sound from the stove', 'gas', true],
    ['I cant take it anymore', 'suicide', true],
    ['It is an emergency, come quickly', 'medical', true],
    // Typos: danger found only through typo tolerance is uncertain.
    ['someone is unconcious on the floor', 'medical', true],
    ['there was an explosoin', 'explosion', true],
    // A negation after a noun belongs to the next verb: the fire is still burning.
    ['the fire wont go out', 'fire', true],
    ['the bleeding wont stop', 'medical', true],
    // A past cue does not end an injury or a gas leak.
    ['My neighbour collapsed yesterday and is lying on the floor', 'medical', true],
  ])('%s → %s (uncertain)', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('English danger that a calmer word elsewhere must not lower', () => {
  it.each<DangerRow>([
    ['It is not an emergency but there is a small fire in the bin', 'fire', false],
    ['No emergency, just my neighbour is unconscious', 'medical', false],
    ['Nobody is hurt but the kitchen is on fire', 'fire', false],
    ['There was a fire yesterday and it is still burning', 'fire', false],
    ['This is not a drill, there is smoke in the stairwell', 'fire', false],
    ['no idea what to do its burning', 'fire', false],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});

describe('English violence in a close relationship', () => {
  it.each<DangerRow>([
    ['My husband is hitting me', 'violence', false],
    ['my boyfriend threatens to kill me', 'violence', false],
    ['My ex is outside screaming and I am scared', 'violence', true],
  ])('%s → %s, domestic', (text, danger, uncertain) => {
    expect(expectDanger(text, danger, uncertain).domestic).toBe(true);
  });
});

describe('English near-misses that are not emergencies', () => {
  // The third column: a danger word is in the text and must be listed as discounted, not dropped.
  it.each<[...CategoryRow, boolean]>([
    ['There is no fire', 'unknown', true],
    ['The building is not on fire', 'unknown', true],
    ['there was a fight yesterday, now its calm', 'crime_over', true],
    ['There was a fire drill last week', 'information', true],
    ['The smoke alarm needs a new battery', 'minor_fault', true],
    ['The smoke alarm keeps beeping, I think the battery is low', 'minor_fault', true],
    ['I saw a news story about a shooting in Malmö', 'unknown', true],
    ['We watched a movie about a bomb', 'unknown', true],
    ['Someone was beaten up outside our door last week', 'crime_over', true],
    ['Where is the fire extinguisher in our building?', 'information', true],
    ['What brand of paint can I use?', 'information', true],
    ['What should I do if there is a fire?', 'information', true],
    ['How often do you test the fire alarm?', 'unknown', true],
    ['The kids next door are shooting hoops', 'disturbance', true],
    // Common words one typo away from a danger word, in English or in Swedish.
    ['There is a strange smell in the basement', 'unknown', false],
    ['I was cooking dinner when the doorbell rang', 'minor_fault', false],
    ['Our husbands want to know about parking', 'information', false],
  ])('%s → %s', (text, category, mentionsDanger) => {
    const t = expectCategory(text, category);
    expect(t.discounted.length > 0).toBe(mentionsDanger);
  });
});

describe('English everyday categories', () => {
  it.each<CategoryRow>([
    ['The neighbours are playing loud music at 2am', 'disturbance'],
    ['the elevator stopped between two floors with people in it', 'urgent_fault'],
    ['There is a party upstairs, so much noise', 'disturbance'],
    ['Drunk people shouting in the courtyard', 'disturbance'],
    ['Teenagers hanging around in the stairwell smoking weed', 'disturbance'],
    ['People smoke in the stairwell every night', 'disturbance'],
    ['Someone is dealing drugs by the entrance', 'disturbance'],
    ['I feel unsafe, strangers in the stairwell', 'disturbance'],
    ['My neighbour keeps harassing me', 'disturbance'],
    ['Water is leaking from the ceiling', 'urgent_fault'],
    ['The bathroom is flooded', 'urgent_fault'],
    ['WATER EVERYWHERE IN THE KITCHEN', 'urgent_fault'],
    ['no heating and it is freezing', 'urgent_fault'],
    ['The radiators are cold and it is 15 degrees inside', 'urgent_fault'],
    ['The power is out in the whole flat', 'urgent_fault'],
    ['The toilet is blocked and overflowing', 'urgent_fault'],
    ['The bedroom window is broken', 'urgent_fault'],
    ['The front door of the building wont lock', 'urgent_fault'],
    ['The kitchen tap is dripping', 'minor_fault'],
    ['leaking tap in the bathroom', 'minor_fault'],
    ['The shower drain is slow', 'minor_fault'],
    ['A fuse tripped', 'minor_fault'],
    ['The light in the hallway is broken', 'minor_fault'],
    ['There is a crack in the window', 'minor_fault'],
    ['The fridge stopped working', 'minor_fault'],
    ['No hot water since this morning', 'minor_fault'],
    ['I am lonely and have nobody to talk to', 'support'],
    ['I need help with letters from the tax agency', 'support'],
    ['My elderly neighbour seems confused', 'support'],
    ['Are there activities for seniors?', 'support'],
    ['My bike was stolen from the bike room', 'crime_over'],
    ['Our storage room was broken into', 'crime_over'],
    ['Someone sprayed graffiti in the elevator', 'crime_over'],
    ['What are your opening hours?', 'information'],
    ['How do I pay the rent?', 'information'],
    ['Can I get a raised bed in the yard?', 'information'],
    ['Are pets allowed?', 'information'],
    ['How does the neighbourhood watch work?', 'information'],
    ['Hello', 'unknown'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it.each([['I am locked out'], ['Lost my keys and cant get in'], ["I'm locked out of my flat"]])(
    '%s → locked out, an urgent fault',
    (text) => {
      expect(expectCategory(text, 'urgent_fault').lockedOut).toBe(true);
    },
  );
});

describe('English result details', () => {
  it('detects English and names the entries that decided', () => {
    const t = triage('The flat upstairs is on fire');
    expect(t.language).toBe('en');
    expect(t.matches).toContainEqual({ group: 'danger.fire', term: 'on fire', lang: 'en' });
  });

  it('keeps the given language', () => {
    expect(triage('fire', { language: 'ar' }).language).toBe('ar');
  });
});
