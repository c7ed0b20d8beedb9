import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { describeFsError } from '../../src/io/fs-error.js';

const fsError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: boom`), { code });

describe('describeFsError', () => {
  it.each([
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['ENOTDIR', 'a file stands where a folder should be'],
  ])('%s is one plain line naming the file', (code, words) => {
    const described = describeFsError(fsError(code), '/x/out.pdf', 'written', 'choose another --out');
    expect(described).toBeInstanceOf(DataError);
    expect((described as Error).message).toBe(`/x/out.pdf: cannot be written (${words}); choose another --out`);
  });

  it('leaves anything else alone: a bug stays a bug', () => {
    const bug = new TypeError('undefined is not a function');
    expect(describeFsError(bug, '/x', 'written', 'hint')).toBe(bug);
  });
});
