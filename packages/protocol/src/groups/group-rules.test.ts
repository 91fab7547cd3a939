import { describe, expect, it } from 'vitest';
import { checkCustomGroupID } from './group-rules.js';

describe('custom group IDs', () => {
  it('reserves the @TGS# prefix for generated IDs, except the @TGS#_ prefix every Community needs', () => {
    expect(checkCustomGroupID('Public', 'team')).toEqual({ ok: true, value: 'team' });
    expect(checkCustomGroupID('Public', '@TGS#abc').ok).toBe(false);
    expect(checkCustomGroupID('Community', '@TGS#_club')).toEqual({ ok: true, value: '@TGS#_club' });
    expect(checkCustomGroupID('Community', 'club').ok).toBe(false);
    expect(checkCustomGroupID('Community', '@TGS#_').ok).toBe(false);
    expect(checkCustomGroupID('Private', 'has space').ok).toBe(false);
  });
});
