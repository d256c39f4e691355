import { describe, expect, it } from 'vitest';
import { frenchTypography, frenchTypographyPieces } from './typography';

// Written visibly in the expectations: `_` stands for the no-break space U+00A0.
const nb = (s: string) => s.replaceAll('_', '\u00a0');

describe('frenchTypography', () => {
  it('puts a no-break space before two-part punctuation, replacing a typed space', () => {
    expect(frenchTypography('Objectif: 50 %')).toBe(nb('Objectif_: 50 %'));
    expect(frenchTypography('Objectif : 50 %')).toBe(nb('Objectif_: 50 %'));
    expect(frenchTypography('Pourquoi? Parce que; enfin!')).toBe(nb('Pourquoi_? Parce que_; enfin_!'));
    expect(frenchTypography('Vraiment ?!')).toBe(nb('Vraiment_?!'));
    expect(frenchTypography('Bilan :')).toBe(nb('Bilan_:'));
  });

  it('turns straight double quotes into guillemets with their spaces', () => {
    expect(frenchTypography('le "circuit court" local')).toBe(nb('le «_circuit court_» local'));
    expect(frenchTypography('"Oui", dit-elle.')).toBe(nb('«_Oui_», dit-elle.'));
    expect(frenchTypography('(" entre parenthèses ")')).toBe(nb('(«_entre parenthèses_»)'));
    expect(frenchTypography('«Déjà»')).toBe(nb('«_Déjà_»'));
    expect(frenchTypography('« Déjà »')).toBe(nb('«_Déjà_»'));
    expect(frenchTypography('"Quoi?"')).toBe(nb('«_Quoi_?_»'));
  });

  it('writes apostrophes and ellipses as printed', () => {
    expect(frenchTypography("l'eau d'ici")).toBe('l’eau d’ici');
    expect(frenchTypography('et puis...')).toBe('et puis…');
  });

  it('leaves addresses, times and numbers alone', () => {
    expect(frenchTypography('Voir https://exemple.fr/a?b=1:2 !')).toBe(
      nb('Voir https://exemple.fr/a?b=1:2_!'),
    );
    expect(frenchTypography('écrire à contact@ferme.fr: merci')).toBe(
      nb('écrire à contact@ferme.fr_: merci'),
    );
    expect(frenchTypography("www.l-atelier.fr/l'avenir")).toBe("www.l-atelier.fr/l'avenir");
    expect(frenchTypography('Rendez-vous à 10:30, ratio 3:1')).toBe('Rendez-vous à 10:30, ratio 3:1');
    expect(frenchTypography('1 250,5 kg et 3.14')).toBe('1 250,5 kg et 3.14');
  });

  it('puts no space before a mark that starts a line or follows an opening bracket', () => {
    expect(frenchTypography('? au début')).toBe('? au début');
    expect(frenchTypography('ligne\n: suite')).toBe('ligne\n: suite');
    expect(frenchTypography('un doute (?) ici')).toBe('un doute (?) ici');
  });

  it('changes nothing more when applied twice', () => {
    const texts = [
      'Note: "voir" le site https://x.fr?a=1 ; l\'équipe... Bravo!',
      '« Déjà » : oui ?! non',
      'Rendez-vous à 10:30',
    ];
    for (const t of texts) {
      const once = frenchTypography(t);
      expect(frenchTypography(once)).toBe(once);
    }
  });

  it('keeps the text unchanged apart from the rules', () => {
    expect(frenchTypography('')).toBe('');
    expect(frenchTypography('Bonjour le monde')).toBe('Bonjour le monde');
  });
});

describe('frenchTypographyPieces', () => {
  it('sees across the pieces of one paragraph', () => {
    expect(frenchTypographyPieces(['Note', ' : voir ', 'ici', '!'])).toEqual(
      nb('Note|_: voir |ici|_!').split('|'),
    );
    expect(frenchTypographyPieces(['Il a dit ', '"', 'oui', '"'])).toEqual(
      nb('Il a dit |«_|oui|_»').split('|'),
    );
  });

  it('gives verbatim pieces back unchanged while typesetting around them', () => {
    expect(frenchTypographyPieces(['voir ', { verbatim: "l'a:b" }, ' !'])).toEqual(
      nb("voir |l'a:b|_!").split('|'),
    );
  });

  it('returns as many pieces as it was given, empty ones included', () => {
    expect(frenchTypographyPieces(['a', '', 'b'])).toEqual(['a', '', 'b']);
  });
});
