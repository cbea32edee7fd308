import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);

// src/post.ts
async function post() {
}
await post();
export {
  post
};
