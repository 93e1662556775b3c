// English rules for the kinds of danger the first lexicon missed (issue 13), written as new sentences, not
// corpus lines: missing people, people locked in or trapped, indirect suicidal talk, carbon monoxide,
// injury and helplessness, immediacy, signs of harm; and the harmless side: idioms, past events, questions,
// and everyday matters that a danger word or a fault word used to decide.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/routing/triage/index.ts';
import type { DangerKind } from '../../src/routing/types.ts';
import { type CategoryRow, expectCategory, expectDanger, RULES } from './triage-helpers.ts';

/** An acute row: the text and the danger kind it must be asked about (112 first, then the question). */
type PossibleRow = [text: string, danger: DangerKind];

describe('English: a missing child, or a confused person gone', () => {
  it.each<PossibleRow>([
    ['my daughter is 6 and we cant find her anywhere', 'missing'],
    ['Our son went to the shop two hours ago and never came back', 'missing'],
    ['my little brother ran off from the playground', 'missing'],
    ['grandpa has dementia and wandered off tonight, he has no coat', 'missing'],
    ['my mother has alzheimers and her bed is empty, the front door is open', 'missing'],
    ['we have been looking for our son all evening', 'missing'],
    ['nobody knows where she is, she is only seven', 'missing'],
    ['someone took a child into a van outside the school', 'missing'],
    ['my husband with dementia went out in his pyjamas and it is snowing', 'missing'],
    ['our teenage son hasnt been home since friday', 'missing'],
  ])('%s → %s (asked about)', (text, danger) => {
    expectDanger(text, danger, true);
  });
});

describe('English: someone locked in or trapped', () => {
  it.each<PossibleRow>([
    ['my 2 year old locked herself in the bathroom and is silent', 'trapped'],
    ['I locked my baby in the flat by accident and I am outside', 'trapped'],
    ['the toddler next door is home alone and crying at the window', 'trapped'],
    ['the lift is stuck and my grandmother is inside', 'trapped'],
    ['our son is stuck in the elevator alone', 'trapped'],
    ['I am stuck in the storage room, the door wont open from the inside', 'trapped'],
    ['my dad in his wheelchair got locked out on the balcony and it is freezing', 'trapped'],
    ['the wardrobe fell and my wife is pinned under it', 'trapped'],
    ['there is a dog and a baby locked in a car in the heat', 'trapped'],
    ['i can hear knocking from inside the old cellar, someone is trapped', 'trapped'],
  ])('%s → %s (asked about)', (text, danger) => {
    expectDanger(text, danger, true);
  });

  it.each<CategoryRow>([
    // A calm stuck lift is an urgent fault; a bike is not a person.
    ['The lift stopped between two floors, nobody is in it', 'urgent_fault'],
    ['My bike is locked in the storage room and I lost the key', 'urgent_fault'],
    ['My key broke in the lock and I cannot get in', 'urgent_fault'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('English: indirect suicidal talk', () => {
  it.each<PossibleRow>([
    ['I hope I dont wake up tomorrow', 'suicide'],
    ['everyone would be better off without me', 'suicide'],
    ['my roommate is giving away all her things and says goodbye to everyone', 'suicide'],
    ['I wrote a farewell letter to my kids', 'suicide'],
    ['this is my last message, thank you for everything', 'suicide'],
    ['i have been saving up pills for weeks', 'suicide'],
    ['I dont see any way out anymore', 'suicide'],
    ['my brother keeps saying he is done with life', 'suicide'],
    ['there is no reason for me to be here', 'suicide'],
  ])('%s → %s (asked about)', (text, danger) => {
    expectDanger(text, danger, true);
  });

  it.each([
    ['my neighbour says he will kill himself tonight'],
    ['my sister is cutting her wrists'],
    ['I keep cutting my wrists'],
  ])('%s → suicide, certain', (text) => {
    expectDanger(text, 'suicide', false);
  });

  it.each([
    ['Will it be a problem to park a trailer in the yard?'],
    ['Is there another way out of the garage when the gate is broken?'],
    ['Can you take care of the plants for me while I am away?'],
  ])('%s → not suicidal talk', (text) => {
    expect(triage(text, RULES).category).not.toBe('acute_danger');
  });
});

describe('English: gas and carbon monoxide', () => {
  it.each<PossibleRow>([
    ['our CO alarm is going off and my son has a headache', 'gas'],
    ['the carbon monoxide detector keeps beeping and we feel dizzy', 'gas'],
    ['it smells of rotten eggs in the stairwell', 'gas'],
    ['I forgot to turn off the gas and now the flat stinks', 'gas'],
  ])('%s → %s', (text, danger) => {
    expect(triage(text, RULES)).toMatchObject({ category: 'acute_danger', danger });
  });
});

describe('English: injury and helplessness in many words', () => {
  it.each<PossibleRow>([
    ['he cut his leg on the glass and it will not stop bleeding', 'medical'],
    ['a man covered in blood is sitting in the entrance', 'medical'],
    ['my husband is barely breathing and his lips are blue', 'medical'],
    ['my dad cant breath properly', 'medical'],
    ['an old lady fell on the ice and cannot stand up', 'medical'],
    ['I cant wake my mum, she is cold', 'medical'],
    ['haven’t seen him for days and the post is piling up behind his door', 'medical'],
    ['my wife suddenly cant speak properly and her face is drooping', 'medical'],
    ['my toddler drank some bleach', 'medical'],
    ['my son took a whole box of painkillers', 'medical'],
  ])('%s → %s', (text, danger) => {
    expect(triage(text, RULES)).toMatchObject({ category: 'acute_danger', danger });
  });
});

describe('English: danger that is going on now', () => {
  it.each<PossibleRow>([
    ['someone just snatched my bag and he is still in the yard', 'violence'],
    ['a guy is trying every door handle on our floor', 'break_in'],
    ['two men are cutting the bike locks in the bike room', 'break_in'],
    ['I can hear someone moving around in my flat, I am hiding in the bathroom', 'break_in'],
    ['a man is climbing up to the balcony on the first floor', 'break_in'],
    ['kids are firing rockets at our windows', 'weapon'],
    ['somebody pushed burning fireworks through the letterbox', 'fire'],
    ['the socket is sparking and the wall is black', 'fire'],
    ['I heard several bangs and people are running', 'explosion'],
  ])('%s → %s', (text, danger) => {
    expect(triage(text, RULES)).toMatchObject({ category: 'acute_danger', danger });
  });

  it('a partner threatening to kill, on the way or at the door, is violence in a close relationship', () => {
    for (const text of [
      'my ex says he will kill me and he is on his way here',
      'my boyfriend is banging on my door and says he is gonna kill me',
    ]) {
      const t = expectDanger(text, 'violence', false);
      expect(t.domestic).toBe(true);
    }
  });

  it('a robbery that is over still goes to the police', () => {
    expectCategory('my bike was stolen last week from the rack', 'crime_over');
    expectCategory('someone broke into our storage over the weekend, they are long gone', 'crime_over');
  });
});

describe('English signs of harm: the safety net when nothing else places a message', () => {
  it.each([
    ['the old man next door doesnt answer the door and his phone is off'],
    ['please help, please help'],
    ['she has been crying for hours and there is no adult'],
  ])('%s → possible danger, from the safety net', (text) => {
    expect(triage(text, RULES)).toMatchObject({ category: 'acute_danger', uncertain: true, layer: 'safety-net' });
  });

  it.each<CategoryRow>([
    // Places and objects are not a person's state.
    ['My aunt is on the 3rd floor, which entrance is hers?', 'unknown'],
    ['The key to the bike room is missing', 'unknown'],
    ['The hot water has not come back since this morning', 'urgent_fault'],
    ['The plumber has not come back to finish the bathroom', 'minor_fault'],
    ['Can someone help me find the recycling room?', 'information'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('English idioms and second-hand danger words are not emergencies', () => {
  it.each<[...CategoryRow, boolean]>([
    ['the party upstairs tonight is fire, but can they turn it down?', 'disturbance', true],
    ['that gig on Saturday was straight fire', 'unknown', true],
    ['this pizza place is the bomb', 'unknown', true],
    ['just shoot me an email about the rent', 'information', true],
    ['my phone is blowing up with messages from the tenants group', 'information', true],
    ['my son got a water gun for his birthday, can he use it in the yard?', 'information', true],
    ['we are watching a documentary about the bombing of Dresden', 'unknown', true],
    ['the fan sounds like it is going to explode', 'minor_fault', true],
    ['burnt the toast and the smoke alarm went off, all good now', 'minor_fault', true],
    ['she fell asleep on the sofa', 'information', true],
    ['the bathroom fan is very loud', 'minor_fault', false],
  ])('%s → %s', (text, category, mentionsDanger) => {
    const t = expectCategory(text, category);
    expect(t.discounted.length > 0, JSON.stringify(t.discounted)).toBe(mentionsDanger);
  });

  it('a danger word another language uses every day is not one: the Turkish "gün" (day) is no gun', () => {
    expect(triage('Her gün sabaha kadar müzik çalıyorlar', RULES).category).not.toBe('acute_danger');
  });
});

describe('English events that are over, and questions about them', () => {
  it.each<[...CategoryRow, boolean]>([
    ['What has MKB done since the explosion in our building?', 'information', true],
    ['the front door that broke in the fire is still not fixed', 'information', true],
    ['there was a stabbing by the school last month and now I am afraid at night', 'disturbance', true],
    ['after the stabbing in spring, are there more patrols?', 'information', true],
    ['The ambulance came for my neighbour last week, do you know how she is?', 'information', true],
    ['should I call you or 112 if the lift stops with me inside?', 'information', true],
    ['what happens if the lift gets stuck at night?', 'information', false],
  ])('%s → %s', (text, category, mentionsDanger) => {
    const t = expectCategory(text, category);
    expect(t.discounted.length > 0, JSON.stringify(t.discounted)).toBe(mentionsDanger);
  });

  it('a fire that is over and a leak going on now is an urgent fault', () => {
    expectCategory('after the fire upstairs water keeps running through my ceiling right now', 'urgent_fault');
  });
});

describe('English everyday categories that a stray word used to decide', () => {
  it.each<CategoryRow>([
    ['I am literally freezing, the heating is gone', 'urgent_fault'],
    ['the power is off and I checked the fuses twice', 'urgent_fault'],
    ['the lights in the stairwell are out, it is pitch black', 'urgent_fault'],
    ['sewage is coming up through the shower drain', 'urgent_fault'],
    ['the fridge leaks a little onto the floor', 'minor_fault'],
    ['the extractor hood makes a strange noise', 'minor_fault'],
    ['a tile came off in the bathroom', 'minor_fault'],
    ['the guy upstairs has karaoke going every night', 'disturbance'],
    ['someone rings all the doorbells and runs away', 'disturbance'],
    ['a man is sleeping in our bike room', 'disturbance'],
    ['my neighbour drinks a lot and seems unwell, he has no family', 'support'],
    ['since my wife passed away I spend the evenings on my own', 'support'],
    ['someone took my walker from the entrance', 'crime_over'],
    ['my e-scooter was nicked from the yard', 'crime_over'],
    ['somebody keyed my car in the garage', 'crime_over'],
    ['is smoking allowed on the balconies?', 'information'],
    ['can I get an EV charger at my parking space?', 'information'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });
});

describe('English, second round: what is over or never real stays out of 112', () => {
  it.each<CategoryRow>([
    ['thanks for coming last night when my dad fainted, he is home and well now', 'unknown'],
    ['we watched a movie where a man gets stabbed, now the kids cant sleep', 'disturbance'],
    ['my neighbour got stabbed in the stairwell on friday. is it safe to go out?', 'crime_over'],
    ['any update on the fire in block D?', 'information'],
    ['can my son sit in the fire truck when it visits the school?', 'information'],
    ['hypothetically if a child got locked in the storage room, who do we call?', 'unknown'],
    ['read in the paper that there was a stabbing in Lund', 'unknown'],
    ['I got blown up in Battlefield again, so annoying', 'unknown'],
    ['the smoke alarm went off because I was frying fish, it has stopped', 'minor_fault'],
    ['a water pipe in the cellar exploded and the floor is flooded', 'urgent_fault'],
    ['the front door slams like a gunshot whenever someone leaves', 'minor_fault'],
    ['the bathroom bulb popped with a loud bang', 'minor_fault'],
    ['where do I buy a battery for the smoke alarm?', 'minor_fault'],
    ['locked myself out in my slippers, keys are inside', 'urgent_fault'],
    ['I have bills from the bailiff piling up and cannot read Swedish', 'information'],
  ])('%s → %s', (text, category) => {
    expectCategory(text, category);
  });

  it('keeps danger a day or a cook does not explain', () => {
    // A threat for a day to come is no event that is over; an alarm with nobody cooking may be a fire.
    expectDanger('my ex says he is coming on saturday to kill me', 'violence', false);
    expectDanger('the smoke alarm is going off and nobody is cooking', 'fire', true);
  });

  it.each(['yday', 'in a book', 'on tv', "yesterday, now it's ok"])(
    '"there is a fire in the basement %s" is no certain danger',
    (cue) => {
      const t = triage(`there is a fire in the basement ${cue}`, RULES);
      expect(t.category === 'acute_danger' && !t.uncertain).toBe(false);
    },
  );
});

describe('English, second round: danger described rather than named', () => {
  it.each<[string, DangerKind, boolean]>([
    ['the frying pan caught and the curtains are going up', 'fire', false],
    ['the sofa is smouldering after a candle fell on it', 'fire', false],
    ['the door handle is too hot to touch', 'fire', true],
    ['somebodys fiddling with the lock on my door', 'break_in', false],
    ['guy by the shop is strapped and looking for someone', 'weapon', true],
    ['pop pop pop outside the school', 'weapon', true],
    ['he has his hands around her neck', 'violence', false],
    ['they are stamping on a mans head outside', 'violence', false],
    ['my husband is jerking all over on the floor', 'medical', true],
    ['my toddler got into the dishwasher tablets', 'medical', true],
    ['my waters have broken and I am alone', 'medical', true],
    ['the old lady at number 3 has not taken in her post for a week', 'medical', true],
    ['the camping gas canister is leaking in the hallway', 'gas', false],
    ['my mate texted me goodbye and isnt answering', 'suicide', true],
    ['lost sight of my toddler at the playground', 'missing', true],
    ['the baby is inside and I am locked out', 'trapped', true],
  ])('%s → %s', (text, danger, uncertain) => {
    expectDanger(text, danger, uncertain);
  });
});
