// opencc-js ships each dictionary as its own module (a serialised "key value|key value" string),
// which lets a conversion load only the dictionaries it needs.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
