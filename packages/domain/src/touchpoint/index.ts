// The touchpoints: this folder's public exports.
export {};
