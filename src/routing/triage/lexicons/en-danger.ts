/**
 * English danger words, as tenants write them in a hurry (often without apostrophes: "cant", "isnt" are
 * the same words as "can't", "isn't" after folding). All lexicons are matched against every message, so
 * words that are common in Swedish after folding are only used in phrases.
 */
import type { Lexicon } from '../lexicon.ts';

/** Acute danger by kind: any hit that is not discounted is an emergency. */
export const enDanger: Lexicon['danger'] = {
  fire: [
    'fire', 'fires', 'on fire', 'burning', 'is burning', 'caught fire', 'catching fire', 'set fire', 'set on fire',
    'flames', 'in flames', 'ablaze', 'blaze', 'arson', 'smoke', 'smoky', 'full of smoke', 'smell smoke',
    'smells of smoke', 'smells like smoke', 'smoke everywhere',
  ],
  explosion: [
    'explosion*', 'explode*', 'blew up', 'blown up', 'blowing up', 'bomb', 'bombs', 'bombing', 'grenade*',
    'detonat*',
  ],
  weapon: [
    'gun', 'guns', 'gunshot*', 'gunfire', 'gunman', 'pistol*', 'rifle*', 'firearm*', 'shotgun*', 'handgun*',
    'knife', 'knives', 'machete*', 'axe', 'baseball bat', 'armed', 'weapon*', 'shooting', 'shoot me', 'shoot us',
    'going to shoot', 'started shooting',
    'shots',
    'shots fired', 'got shot', 'been shot', 'was shot', 'is shot', 'shot him', 'shot her',
    'shot someone', 'shot at', 'shot dead', 'stabbed', 'stabbing', 'stab', 'stabs',
  ],
  violence: [
    'hitting me', 'hitting her', 'hitting him', 'hitting them', 'hitting his', 'hits me', 'hits her',
    'hit me', 'beating', 'beats her', 'beats me', 'beaten', 'beat up', 'beating up', 'assault*', 'attacking',
    'being attacked', 'attacked me', 'attacked him', 'attacked her', 'attacking me', 'fist fight', 'brawl',
    'strangl*', 'kill me', 'kill him', 'kill her', 'kill us', 'kill you', 'going to kill', 'threatening to kill',
    'threatens to kill', 'threatening me', 'threatening us', 'threatens me', 'death threat*', 'rape', 'raped',
    'raping', 'sexual assault', 'mugging', 'being mugged', 'robbing', 'screaming for help', 'crying for help',
    'calling for help', 'shouting for help', 'being hit', 'being beaten', 'hurting me', 'hurting her',
    'hurting him', 'hurting the kids',
  ],
  break_in: [
    'breaking in', 'breaking into', 'trying to break in', 'trying to break into', 'burglary .. right now',
    'break in .. right now', 'being robbed', 'robbing .. right now',
    'someone is in my apartment', 'someone is in my flat', 'someone in my apartment', 'someone in my flat',
    'stranger in my', 'burglary in progress', 'kicking in the door', 'kicking the door in', 'forcing the door',
    'forcing .. door', 'prying .. door', 'breaking the door', 'breaking down the door', 'stealing right now',
  ],
  medical: [
    'unconscious', 'not breathing', 'isnt breathing', 'stopped breathing', 'cant breathe', 'cannot breathe',
    'can not breathe', 'no pulse', 'bleeding', 'bleeds', 'bleeding heavily', 'blood everywhere', 'lot of blood',
    'lots of blood', 'passed out', 'fainted', 'collapsed', 'heart attack', 'cardiac arrest', 'stroke',
    'overdose*', 'seizure*', 'convulsion*', 'badly hurt', 'seriously hurt', 'badly injured', 'seriously injured',
    'is injured', 'injured person', 'unresponsive', 'wont wake up', 'not waking up', 'ambulance', 'paramedic*',
    'choking', 'dead body', 'lying dead', 'found dead', 'poisoned', 'anaphylactic',
  ],
  gas: [
    'gas leak*', 'leaking gas', 'gas is leaking', 'gas leaking', 'smell .. gas', 'smells .. gas', 'smelling gas',
    'gas smell*', 'smell of gas', 'carbon monoxide',
  ],
  suicide: [
    'suicide', 'suicidal', 'kill myself', 'killing myself', 'end my life', 'ending my life', 'take my life',
    'take my own life', 'want to die', 'wanna die', 'dont want to live', 'do not want to live',
    'dont want to be alive', 'hurt myself', 'harm myself', 'self harm', 'cut myself', 'cutting myself',
    'hang myself', 'jump off the', 'no reason to live', 'better off dead', 'end it all', 'not worth living',
  ],
};

/** Possible danger: asked about, but still sent to 112 first. */
export const enDangerUncertain: Lexicon['dangerUncertain'] = {
  fire: [
    'fire alarm*', 'smoke alarm*', 'smoke detector*', 'alarm is going off', 'alarm going off', 'alarm went off',
    'smells burnt', 'smell of burning', 'burning smell', 'smells like burning', 'sparks', 'sparking',
    'oven .. smoking', 'stove .. smoking', 'smoking from', 'fire brigade', 'fire department',
    'firefighters', 'fire engine', 'fire truck*',
  ],
  explosion: ['loud bang', 'big bang', 'heard a bang', 'huge bang', 'bang', 'boom', 'blast', 'windows shook'],
  weapon: ['looks like a gun', 'might have a gun', 'may have a gun', 'looks like a knife'],
  violence: [
    'wont leave', 'will not leave', 'refuses to leave', 'violent', 'violence', 'abuse', 'abusing', 'abusive',
    'domestic violence', 'domestic abuse', 'chasing', 'fighting', 'a fight', 'robbery', 'smashing windows',
    'smashing things', 'throwing stones',
  ],
  break_in: [
    'trying to get in', 'someone trying to open', 'trying to open my door', 'burglar*', 'intruder*', 'stealing',
    'thief', 'thieves', 'someone got in', 'someone is inside', 'burglar alarm*',
  ],
  medical: [
    // A call for help that names no danger: asked about as medical, the kind with no kind-specific advice.
    '112', 'sos', 'emergency', 'life threatening', 'in danger',
    'he fell', 'she fell', 'fell down the stairs', 'fell and', 'has fallen', 'fallen and', 'cant get up',
    'chest pain*', 'hard to breathe', 'difficulty breathing',
    'trouble breathing', 'lying on the floor', 'lying on the ground', 'lying in the stairwell', 'blood',
    'allergic reaction', 'cut himself', 'cut herself', 'swallowed .. pills', 'took .. pills', 'swallowed .. tablets',
    'took .. tablets', 'not moving', 'not responding', 'injured', 'hurt badly',
  ],
  gas: ['hissing', 'hissing sound', 'rotten eggs', 'smells like rotten eggs'],
  suicide: [
    'going to jump', 'cant go on', 'cant take it anymore', 'dont want to be here anymore', 'no point in living',
    'give up on life',
  ],
};

/** Partners and relatives: with violence, threats or a disturbance they mean a close relationship. */
export const enDomestic: string[] = [
  'my husband', 'my wife', 'my boyfriend', 'my girlfriend', 'my partner', 'my ex', 'my exhusband', 'my exwife',
  'my exboyfriend', 'my father', 'my dad', 'my mother', 'my mom', 'my mum', 'my brother', 'my stepfather',
  'my stepdad', 'my son', 'her husband', 'her boyfriend', 'her partner', 'his wife', 'his girlfriend',
  'his partner', 'their kids', 'their children', 'her children', 'his children', 'domestic violence',
  'domestic abuse', 'honour violence', 'honor violence', 'womens shelter', 'shelter',
];
