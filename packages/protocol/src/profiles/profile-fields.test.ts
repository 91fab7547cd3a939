import { describe, expect, it } from 'vitest';
import { checkCustomFieldWrite, parseProfileFieldDeclarations, readableCustomFields, type ProfileFieldDeclaration } from './profile-fields.js';

const hobby: ProfileFieldDeclaration = { key: 'Tag_Profile_Custom_Hobby', type: 'string', maxLength: 8, read: ['app', 'admin'], write: ['app'] };
const score: ProfileFieldDeclaration = { key: 'Tag_Profile_Custom_Score', type: 'integer', maxLength: 0, read: ['admin'], write: ['admin'] };

describe('custom profile field declarations', () => {
  it('reads a list: string length defaults to 500, roles deduplicated', () => {
    const parsed = parseProfileFieldDeclarations({
      fields: [
        { key: 'Tag_Profile_Custom_Hobby', type: 'string', read: ['app', 'app', 'admin'], write: ['app'] },
        { key: 'Tag_Profile_Custom_Score', type: 'integer', read: ['admin'], write: ['admin'] },
      ],
    });
    expect(parsed).toEqual({ ok: true, value: [{ ...hobby, maxLength: 500 }, score] });
  });

  it('refuses bad declarations with 40001, naming the field', () => {
    const reasonOf = (fields: unknown): string => {
      const parsed = parseProfileFieldDeclarations({ fields });
      expect(parsed.ok ? undefined : parsed.error).toBe('ERR_SVR_PROFILE_INVALID_PARAMETERS');
      return parsed.ok ? '' : parsed.reason;
    };
    expect(reasonOf([{ ...hobby, key: 'Tag_Profile_Custom_NineChars' }])).toContain('fields[0].key');
    expect(reasonOf([{ ...hobby, key: 'Hobby' }])).toContain('Tag_Profile_Custom_<name>');
    expect(reasonOf([{ ...hobby, type: 'bytes' }])).toContain('fields[0].type');
    expect(reasonOf([{ ...hobby, maxLength: 501 }])).toContain('1..500');
    expect(reasonOf([{ ...hobby, maxLength: 0 }])).toContain('1..500');
    expect(reasonOf([{ ...score, maxLength: 4 }])).toContain('string fields only');
    expect(reasonOf([{ ...hobby, read: [] }])).toContain('at least one');
    expect(reasonOf([{ ...hobby, write: ['everyone'] }])).toContain('"everyone"');
    expect(reasonOf([hobby, hobby])).toContain('declared twice');
    expect(reasonOf(Array.from({ length: 21 }, (_, i) => ({ ...hobby, key: `Tag_Profile_Custom_F${i}` })))).toContain('at most 20');
  });

  it("checks writes with Tencent's codes: 40009 undeclared, 40008 not writable by this writer, 40610 wrong type, 40601 too long", () => {
    const errorOf = (fields: { key: string; value: string | number }[], writer: 'app' | 'admin' = 'app') => checkCustomFieldWrite([hobby, score], fields, writer)?.error;
    expect(errorOf([{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }])).toBeUndefined();
    expect(errorOf([{ key: 'Tag_Profile_Custom_Score', value: 7 }], 'admin')).toBeUndefined();
    expect(errorOf([{ key: 'Tag_Profile_Custom_Other', value: 'x' }])).toBe('ERR_SVR_PROFILE_TAG_NOT_FOUND');
    expect(errorOf([{ key: 'Tag_Profile_Custom_Score', value: 7 }])).toBe('ERR_SVR_PROFILE_WRITE_PERMISSION_REQUIRED');
    expect(errorOf([{ key: 'Tag_Profile_Custom_Hobby', value: 'chess' }], 'admin')).toBe('ERR_SVR_PROFILE_WRITE_PERMISSION_REQUIRED');
    expect(errorOf([{ key: 'Tag_Profile_Custom_Hobby', value: 3 }])).toBe('ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
    expect(errorOf([{ key: 'Tag_Profile_Custom_Score', value: 'x' }], 'admin')).toBe('ERR_SVR_PROFILE_INVALID_VALUE_FORMAT');
    expect(errorOf([{ key: 'Tag_Profile_Custom_Hobby', value: 'ninebytes' }])).toBe('ERR_SVR_PROFILE_SIZE_LIMIT');
  });

  it('shows each reader the declared fields it may read', () => {
    const stored = [
      { key: 'Tag_Profile_Custom_Hobby', value: 'chess' },
      { key: 'Tag_Profile_Custom_Score', value: 7 },
      { key: 'Tag_Profile_Custom_Gone', value: 'undeclared since' },
    ];
    expect(readableCustomFields([hobby, score], stored, 'app')).toEqual([stored[0]]);
    expect(readableCustomFields([hobby, score], stored, 'admin')).toEqual([stored[0], stored[1]]);
  });
});
