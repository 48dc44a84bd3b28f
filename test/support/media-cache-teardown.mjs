// Jest global teardown: the run's shared media cache goes (media-cache-setup.mjs).
export { globalTeardown as default } from './media-cache-setup.mjs';
