// A preset file that cannot be used: names the file and the field, and says what is valid.

export class PresetFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`preset ${file}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'PresetFileError';
  }
}
