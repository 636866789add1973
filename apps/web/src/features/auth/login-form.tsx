import { type FormEvent, useState } from 'react';
import { type SessionUser, useLogin } from './use-session.ts';

/** E-mail and password; on success the person goes where they were heading. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: (user: SessionUser | undefined) => void }) {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: ({ user }) => onLoggedIn(user) });
  };
  return (
    <form className="login-form" onSubmit={submit} aria-describedby="login-error">
      <label>
        E-mail
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <p id="login-error" className="form-error" role="alert">
        {login.error ? login.error.message : ''}
      </p>
      <button type="submit" className="primary" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
