import { ParleyError } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { classifyResumeFailure, classifyTerminalClose } from './session-end.js';

describe('classifyResumeFailure', () => {
  it('retries network failures and timeouts', () => {
    expect(classifyResumeFailure(new ParleyError(2800, 'closed'))).toBeUndefined();
    expect(classifyResumeFailure(new ParleyError(2801, 'timeout'))).toBeUndefined();
  });

  it('retries transient server answers (shutting down, overloaded, internal error or timeout, rate limited)', () => {
    for (const code of [88505, 60022, 70500, 70169, 60018, 60019]) expect(classifyResumeFailure(new ParleyError(code)), String(code)).toBeUndefined();
  });

  it('maps 70001 to a userSigExpired kick, 70052 to REST_API_Kick and 88504 to the type in its body', () => {
    expect(classifyResumeFailure(new ParleyError(70001))).toEqual({ kind: 'kicked', type: 'userSigExpired' });
    expect(classifyResumeFailure(new ParleyError(70052))).toEqual({ kind: 'kicked', type: 'REST_API_Kick' });
    expect(classifyResumeFailure(new ParleyError(88504, 'kicked', { type: 'multipleDevice', kickType: 2 }))).toEqual({ kind: 'kicked', type: 'multipleDevice' });
    expect(classifyResumeFailure(new ParleyError(88504, 'kicked', {}))).toEqual({ kind: 'kicked', type: 'multipleAccount' });
  });

  it('ends the session on any other answer, keeping the error', () => {
    const error = new ParleyError(70003, 'bad sig');
    expect(classifyResumeFailure(error)).toEqual({ kind: 'failed', error });
    expect(classifyResumeFailure(new Error('weird'))).toMatchObject({ kind: 'failed', error: { code: 2903 } });
  });
});

describe('classifyTerminalClose', () => {
  it('reads 4410 as a userSigExpired kick and 4403 as a kick by another login', () => {
    expect(classifyTerminalClose(4410, '')).toEqual({ kind: 'kicked', type: 'userSigExpired' });
    expect(classifyTerminalClose(4403, '')).toEqual({ kind: 'kicked', type: 'multipleAccount' });
  });

  it('reads 4409 and 1000 as the end of the session with a 2800 error', () => {
    expect(classifyTerminalClose(4409, 'replaced')).toMatchObject({ kind: 'failed', error: { code: 2800, message: expect.stringContaining('another connection') } });
    expect(classifyTerminalClose(1000, '')).toMatchObject({ kind: 'failed', error: { code: 2800 } });
  });
});
