// The requests, friction reports and satisfaction signals: this folder's public exports.
export {};
