/** Shared inputs of the core/http tests. */
export const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';

export const HTTP_FILE = [
  '@host = api.example.com',
  `@token=${TOKEN}`,
  '@auth = Bearer {{token}}',
  '  @spaced   =   value with spaces   ',
  '# @name login',
  'GET https://{{host}}/me',
  'Authorization: {{auth}}',
  'X-Env: {{$dotenv API_KEY}}',
  'X-Proc: {{$processEnv %TOKEN_VAR}}',
  'X-Id: {{$guid}}',
  'X-Login: {{login.response.body.$.token}}',
  '',
].join('\r\n');
