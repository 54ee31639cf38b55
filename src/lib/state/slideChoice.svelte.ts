// How charts go into slides, for every export button on the page: a native, editable chart (the default) or a
// picture of it ("图片"), for a deck that must look exactly like the screen.
export const slideChoice = $state({ picture: false });
